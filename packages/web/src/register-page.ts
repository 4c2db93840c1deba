/**
 * Registret: every batch record (week, operator, time, counts, the input
 * file's SHA-256), voiding a batch with a reason (administrators only, on its
 * own confirmation screen; a void is a new record, nothing is deleted),
 * verifying both hash chains with one button, and the rule diagnostics as
 * charts with their figures in tables beside them.
 */
import { closeRegister, diagnoseAllocation, openRegister, registerAllocationRows, RegisterError, verifyRegister, voidBatch } from "@jobtrial/assign";
import { formatCount, formatNumber, formatPercent } from "@jobtrial/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync } from "node:fs";
import { diagnosticChartSvg, type AllocationDiagnostics, type DiagnosticChartId } from "./charts.ts";
import { html, type Html } from "./html.ts";
import { csrfField, notice, scrollTable, localTime } from "./layout.ts";
import { readBatches, voidsByTarget, type BatchRecord } from "./lists.ts";
import type { AppContext } from "./server.ts";
import { ROLE_RIGHTS } from "./users.ts";

const BATCH_ID = /^B\d{4,}$/;

interface AssignCounts {
  rows: number;
  assigned: { intervention: number; control: number };
  alreadyAssigned: number;
  ineligible: Record<string, number>;
  invalid: number;
}

/** The rule diagnostics of the register as it is now; null when it has no active assignment. */
async function diagnose(context: AppContext): Promise<AllocationDiagnostics | null> {
  const { registerPath, config } = context.options;
  if (!existsSync(registerPath)) return null;
  const register = openRegister(registerPath, { readonly: true, trialId: config.id });
  let rows;
  try {
    rows = registerAllocationRows(register);
  } finally {
    closeRegister(register);
  }
  return rows.length === 0 ? null : await diagnoseAllocation(rows, config.assignment.rule);
}

export function registerRegisterRoutes(app: FastifyInstance, context: AppContext): void {
  const { t, lang } = context;
  const count = (value: number) => formatCount(value, lang);
  const percent = (value: number | null) => formatPercent(value, lang, { decimals: 1, missing: "-" });
  const pValue = (value: number) => formatNumber(value, lang, { decimals: value < 0.001 ? 4 : 3 });

  const countsText = (batch: BatchRecord): string => {
    if (batch.kind === "void") return t("counts_void", { n: count((JSON.parse(batch.counts_json) as { voidedAssignments: number }).voidedAssignments) });
    const counts = JSON.parse(batch.counts_json) as AssignCounts;
    return t("counts_assign", {
      rows: count(counts.rows),
      intervention: count(counts.assigned.intervention),
      control: count(counts.assigned.control),
      already: count(counts.alreadyAssigned),
      ineligible: count(Object.values(counts.ineligible).reduce((sum, value) => sum + value, 0)),
      invalid: count(counts.invalid),
    });
  };

  const batchesTable = (request: FastifyRequest, batches: BatchRecord[]): Html => {
    const canVoid = ROLE_RIGHTS[context.auth(request)!.user.role].void;
    const voids = voidsByTarget(batches);
    const action = (batch: BatchRecord): Html | string => {
      if (batch.kind !== "assign") return "";
      const voided = voids.get(batch.batch_seq);
      if (voided) return t("voided", { batch: voided.batch_id });
      return canVoid ? html`<a href="/register/annuller/${batch.batch_id}">${t("void_button", { batch: batch.batch_id })}</a>` : "";
    };
    return scrollTable(
      t("register_batches"),
      html`<table><caption>${t("register_batches")}</caption>
<thead><tr><th scope="col">${t("col_batch")}</th><th scope="col">${t("col_kind")}</th><th scope="col">${t("col_week")}</th><th scope="col">${t("col_operator")}</th><th scope="col">${t("col_time")}</th><th scope="col">${t("col_counts")}</th><th scope="col">${t("col_hash")}</th><th scope="col">${t("col_action")}</th></tr></thead>
<tbody>${[...batches].reverse().map(
        (batch) =>
          html`<tr data-batch="${batch.batch_id}" data-kind="${batch.kind}"><td>${batch.kind === "assign" ? html`<a href="/lister/${batch.batch_id}">${batch.batch_id}</a>` : batch.batch_id}</td><td>${t(batch.kind === "assign" ? "kind_assign" : "kind_void")}${batch.reason ? `: ${batch.reason}` : ""}</td><td>${batch.week}</td><td>${batch.operator}</td><td>${localTime(batch.created_at, context.lang)}</td><td>${countsText(batch)}</td><td><code>${batch.input_sha256 ?? ""}</code></td><td>${action(batch)}</td></tr>`,
      )}</tbody></table>`,
    );
  };

  const diagnosticsView = (diagnostics: AllocationDiagnostics | null): Html => {
    if (diagnostics === null) return html`<h2>${t("diagnose_title")}</h2>${notice("info", t("diagnose_none"))}`;
    const { cumulative } = diagnostics;
    const weekTable = html`<table><caption>${t("week_table_caption")}</caption>
<thead><tr><th scope="col">${t("col_week")}</th><th scope="col">${t("col_n")}</th><th scope="col">${t("col_observed")}</th><th scope="col">${t("col_expected")}</th><th scope="col">${t("col_p")}</th></tr></thead>
<tbody>${diagnostics.weeks.map((week) => html`<tr><td>${week.week}</td><td class="num">${count(week.n)}</td><td class="num">${percent(week.share)}</td><td class="num">${percent(week.expectedShare)}</td><td class="num">${pValue(week.pValue)}</td></tr>`)}</tbody></table>`;
    const heapRows = (["intervention", "control"] as const).flatMap((arm) =>
      (
        [
          ["heaping_first", diagnostics.bornFirstOfMonth[arm]],
          ["heaping_january", diagnostics.bornFirstOfJanuary[arm]],
        ] as const
      ).map(([key, test]) => html`<tr><td>${t(arm === "intervention" ? "arm_intervention" : "arm_control")}: ${t(key)}</td><td class="num">${count(test.count)} / ${count(test.n)}</td><td class="num">${percent(test.share)}</td><td class="num">${percent(test.expectedShare)}</td><td class="num">${pValue(test.pValue)}</td></tr>`),
    );
    const heapTable = html`<table><caption>${t("heaping_table_caption")}</caption>
<thead><tr><th scope="col">${t("col_measure")}</th><th scope="col">${t("col_n")}</th><th scope="col">${t("col_observed")}</th><th scope="col">${t("col_expected")}</th><th scope="col">${t("col_p")}</th></tr></thead>
<tbody>${heapRows}</tbody></table>`;
    return html`<h2>${t("diagnose_title")}</h2>
<p>${t("diagnose_intro", { calendar: percent(diagnostics.calendarShare), observed: percent(cumulative.share), n: count(cumulative.n), expected: percent(cumulative.expectedShare), p: pValue(cumulative.pValue) })}</p>
${diagnostics.warnings.length === 0 ? notice("ok", t("diagnose_no_warnings")) : notice("info", html`<strong>${t("diagnose_warnings")}</strong><ul>${diagnostics.warnings.map((warning) => html`<li>${lang === "da" ? warning.messageDa : warning.message}</li>`)}</ul>`)}
<figure><img src="/register/diagram/uger.svg" alt="${t("chart_week_desc")}"><figcaption>${t("chart_week_title")}</figcaption></figure>
${scrollTable(t("week_table_caption"), weekTable)}
<figure><img src="/register/diagram/ophobning.svg" alt="${t("chart_heaping_desc")}"><figcaption>${t("chart_heaping_title")}</figcaption></figure>
${scrollTable(t("heaping_table_caption"), heapTable)}`;
  };

  const registerPage = async (request: FastifyRequest, reply: FastifyReply, message: Html | null) => {
    const batches = readBatches(context);
    const body = existsSync(context.options.registerPath)
      ? html`${message}<p>${t("register_intro")}</p>
<h2>${t("verify_title")}</h2>
<form method="post" action="/register/verify">${csrfField(context.csrf(request, reply))}<button type="submit">${t("verify_button")}</button></form>
<h2>${t("register_batches")}</h2>
${batchesTable(request, batches)}
${diagnosticsView(await diagnose(context))}`
      : html`${message}${notice("info", t("register_missing"))}`;
    return context.render(request, reply, { title: t("register_title"), screen: "register", body });
  };

  app.get("/register", async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const voided = query["annulleret"];
    const as = query["som"];
    const message = voided !== undefined && as !== undefined && BATCH_ID.test(voided) && BATCH_ID.test(as) ? notice("ok", t("void_done", { batch: voided, void: as })) : null;
    return registerPage(request, reply, message);
  });

  app.post("/register/verify", { preHandler: app.csrfProtection }, async (request, reply) => {
    const { registerPath } = context.options;
    if (!existsSync(registerPath)) return registerPage(request, reply, null);
    const register = openRegister(registerPath, { readonly: true });
    let result;
    try {
      result = verifyRegister(register);
    } finally {
      closeRegister(register);
    }
    context.record(request, { action: "verify", status: 200, detail: result.ok ? "ok" : "broken" });
    const broken = result.firstBroken as { record: "assignment" | "batch"; seq: number; reason: string; reasonDa: string } | null;
    const lines: Html[] = [];
    if (broken) lines.push(html`<p>${t("verify_broken", { record: t(broken.record === "assignment" ? "record_assignment" : "record_batch"), seq: broken.seq, reason: lang === "da" ? broken.reasonDa : broken.reason })}</p>`);
    if (result.missingTriggers.length > 0) lines.push(html`<p>${t("verify_triggers", { triggers: result.missingTriggers.join(", ") })}</p>`);
    const message = result.ok ? notice("ok", html`<span data-verify="ok">${t("verify_ok", { assignments: count(result.assignments), batches: count(result.batches) })}</span>`) : notice("error", html`<div data-verify="broken">${lines}</div>`);
    return registerPage(request, reply, message);
  });

  for (const id of ["uger", "ophobning"] as const satisfies readonly DiagnosticChartId[]) {
    app.get(`/register/diagram/${id}.svg`, async (_request, reply) => {
      const diagnostics = await diagnose(context);
      if (diagnostics === null) return reply.code(404).type("text/plain; charset=utf-8").send(t("diagnose_none"));
      return reply.type("image/svg+xml; charset=utf-8").send(await diagnosticChartSvg(id, diagnostics, lang));
    });
  }

  /** The assignment batch in the URL that may be voided, or a page saying why not. */
  const voidable = (request: FastifyRequest, reply: FastifyReply): { batch: BatchRecord; rows: number } | null => {
    const id = (request.params as { batch: string }).batch;
    const batches = readBatches(context);
    const batch = batches.find((item) => item.batch_id === id && item.kind === "assign");
    const voided = batch ? voidsByTarget(batches).get(batch.batch_seq) : undefined;
    if (!batch || voided) {
      context.render(request, reply, { title: t("error_title"), screen: "register", status: 404, body: html`${notice("error", batch ? t("voided", { batch: voided!.batch_id }) : t("batch_not_found"))}<p><a href="/register">${t("void_back")}</a></p>` });
      return null;
    }
    const counts = JSON.parse(batch.counts_json) as AssignCounts;
    return { batch, rows: counts.assigned.intervention + counts.assigned.control };
  };

  const voidForm = (request: FastifyRequest, reply: FastifyReply, found: { batch: BatchRecord; rows: number }, message: Html | null, status = 200) =>
    context.render(request, reply, {
      title: t("void_title", { batch: found.batch.batch_id }),
      screen: "register",
      status,
      body: html`${message}<p>${t("void_intro", { n: count(found.rows) })}</p>
<dl class="facts"><dt>${t("col_week")}</dt><dd>${found.batch.week}</dd><dt>${t("col_operator")}</dt><dd>${found.batch.operator}</dd><dt>${t("col_time")}</dt><dd>${localTime(found.batch.created_at, context.lang)}</dd><dt>${t("col_counts")}</dt><dd>${countsText(found.batch)}</dd></dl>
<form method="post" action="/register/annuller/${found.batch.batch_id}" class="stack">
${csrfField(context.csrf(request, reply))}
<div><label for="reason">${t("void_reason")}</label><textarea id="reason" name="reason" rows="3" required maxlength="500"></textarea></div>
<div><label class="check"><input type="checkbox" name="confirm" value="yes" required> <span>${t("void_confirm_check", { batch: found.batch.batch_id })}</span></label></div>
<div class="actions"><button type="submit" class="danger">${t("void_submit")}</button><a href="/register">${t("void_back")}</a></div>
</form>`,
    });

  app.get("/register/annuller/:batch", { onRequest: context.requireRight("void") }, (request, reply) => {
    const found = voidable(request, reply);
    return found ? voidForm(request, reply, found, null) : reply;
  });

  app.post("/register/annuller/:batch", { onRequest: context.requireRight("void"), preHandler: app.csrfProtection }, (request, reply) => {
    const found = voidable(request, reply);
    if (!found) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const reason = typeof body["reason"] === "string" ? body["reason"].trim().slice(0, 500) : "";
    if (reason === "") return voidForm(request, reply, found, notice("error", t("void_need_reason")), 400);
    if (body["confirm"] !== "yes") return voidForm(request, reply, found, notice("error", t("void_need_check")), 400);
    const { registerPath, config, configHash, toolVersion } = context.options;
    const register = openRegister(registerPath, { trialId: config.id });
    let record;
    try {
      record = voidBatch(register, { batchId: found.batch.batch_id, reason, operator: context.auth(request)!.user.name, now: context.now(), toolVersion, configHash });
    } catch (error) {
      if (!(error instanceof RegisterError)) throw error;
      return voidForm(request, reply, found, notice("error", error.message), 409);
    } finally {
      closeRegister(register);
    }
    context.record(request, { action: "void", status: 303, batch: found.batch.batch_id, week: found.batch.week ?? "", detail: record.batch_id });
    return reply.redirect(`/register?annulleret=${found.batch.batch_id}&som=${record.batch_id}`, 303);
  });
}
