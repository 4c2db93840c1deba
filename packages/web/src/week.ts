/**
 * Denne uge: the weekly routine of `jobtrial assign`, on a page.
 *
 * 1. Upload (POST /uge): the intake file is read from the request as
 *    `readIntakeBytes` reads a file (CSV or XLSX, told apart by content), and
 *    classified against the register by `assignBatch` as a dry run: nothing
 *    is written. A file with problems shows every problem by row and column
 *    with how to fix it (never a cell's value); a good file becomes a preview
 *    and the browser is sent on to it (so a reload does not upload again).
 * 2. Preview (GET /uge/forhaandsvisning/:id): the counts, every row's status
 *    and group by its row number, the flags, and the confirm form.
 * 3. Confirm (POST /uge/bekraeft): `assignBatch` for real, in one
 *    transaction, then the staff list is written where the CLI writes it;
 *    confirming twice writes one batch (preview.ts says how).
 * 4. Receipt (GET /uge/kvittering/:id): what was written and the downloads.
 */
import { assignBatch, closeRegister, openRegister, readIntakeBytes, RegisterError, statusCounts, writeStaffList, type BatchResult, type Register } from "@jobtrial/assign";
import { formatCount, isIsoWeek, type Problem } from "@jobtrial/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { html, type Html } from "./html.ts";
import { csrfField, notice, scrollTable } from "./layout.ts";
import { PreviewStore, type ConfirmOutcome, type Preview } from "./preview.ts";
import { megabytes, type AppContext } from "./server.ts";
import type { TextKey } from "./texts.ts";
import { ROLE_RIGHTS } from "./users.ts";

const WEEK_IN_NAME = /(\d{4}-W\d{2})/;
/** Rows shown on the preview; the list holds them all. */
const PREVIEW_ROWS_SHOWN = 2000;

/** A multipart field as @fastify/multipart attaches it to the body. */
interface MultipartField {
  type: "field" | "file";
  value?: unknown;
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}

function fieldValue(body: Record<string, unknown>, name: string): string {
  const field = body[name] as MultipartField | string | undefined;
  if (typeof field === "string") return field;
  return typeof field?.value === "string" ? field.value : "";
}

/** Opens the register for a dry run: read-only when it exists, else an empty one in memory (nothing is created on disk). */
function openForDryRun(context: AppContext): Register {
  const { registerPath, config } = context.options;
  if (existsSync(registerPath)) return openRegister(registerPath, { readonly: true, trialId: config.id });
  return openRegister(":memory:", { create: true, trialId: config.id, now: context.now() });
}

export function registerWeekRoutes(app: FastifyInstance, context: AppContext): void {
  const { t, lang } = context;
  const previews = new PreviewStore(context.now);
  const count = (value: number) => formatCount(value, lang);

  const uploadForm = (request: FastifyRequest, reply: FastifyReply): Html =>
    html`<p>${t("week_intro")}</p>
<form method="post" action="/uge" enctype="multipart/form-data" class="stack">
${csrfField(context.csrf(request, reply))}
<div><label for="file">${t("week_file", { limit: megabytes(context.options.maxUploadBytes, lang) })}</label>
<input type="file" id="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
<div><label for="week">${t("week_week")}</label><input type="text" id="week" name="week" inputmode="text" pattern="\\d{4}-W\\d{2}" aria-describedby="week-hint">
<p class="hint" id="week-hint">${t("week_week_hint")}</p></div>
<div><button type="submit">${t("week_check")}</button></div>
</form>`;

  const weekPage = (request: FastifyRequest, reply: FastifyReply, message: Html | null, status = 200) => {
    const auth = context.auth(request)!;
    const body = ROLE_RIGHTS[auth.user.role].assign ? html`${message}${uploadForm(request, reply)}` : notice("info", t("week_reader_only"));
    return context.render(request, reply, { title: t("week_title"), screen: "week", status, body });
  };

  app.get("/uge", (request, reply) => weekPage(request, reply, null));

  app.post("/uge", { onRequest: context.requireRight("assign"), preHandler: app.csrfProtection }, async (request, reply) => {
    const auth = context.auth(request)!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const file = body["file"] as MultipartField | undefined;
    const bytes = file?.type === "file" && file.toBuffer ? await file.toBuffer() : null;
    if (!file || !bytes || !file.filename || bytes.length === 0) return weekPage(request, reply, notice("error", t("week_no_file")), 400);
    const fileName = basename(file.filename.replaceAll("\\", "/")).slice(0, 200);
    const givenWeek = fieldValue(body, "week").trim();
    if (givenWeek !== "" && !isIsoWeek(givenWeek)) return weekPage(request, reply, notice("error", t("week_bad_week")), 400);
    const nameWeek = WEEK_IN_NAME.exec(fileName)?.[1];
    const week = givenWeek !== "" ? givenWeek : nameWeek !== undefined && isIsoWeek(nameWeek) ? nameWeek : null;
    if (week === null) return weekPage(request, reply, notice("error", t("week_no_week", { file: fileName })), 400);

    const { config, configHash, toolVersion } = context.options;
    const intake = await readIntakeBytes(bytes, { file: fileName, config });
    const register = openForDryRun(context);
    let result: BatchResult;
    try {
      result = assignBatch(register, intake, { config, configHash, week, operator: auth.user.name, now: context.now(), toolVersion, dryRun: true });
    } finally {
      closeRegister(register);
    }
    if (result.outcome === "refused") {
      context.record(request, { action: "upload_problems", status: 422, week, sha256: intake.sha256, rows: intake.rowsRead, detail: `${result.problems.length} problemer` });
      return context.render(request, reply, { title: t("problems_title"), screen: "week", status: 422, body: problemsView(context, fileName, result.problems) });
    }
    const preview = previews.add({ user: auth.user.name, fileName, bytes, sha256: intake.sha256, week, configHash, result });
    context.record(request, { action: "upload_preview", status: 303, week, sha256: intake.sha256, rows: intake.rowsRead, detail: result.outcome });
    return reply.redirect(`/uge/forhaandsvisning/${preview.id}`, 303);
  });

  /** The preview of the request's `id` when it is the user's, else a page saying why not. */
  const ownPreview = (request: FastifyRequest, reply: FastifyReply, id: string): Preview | null => {
    const preview = previews.get(id);
    if (!preview) {
      context.render(request, reply, { title: t("error_title"), screen: "week", status: 404, body: html`${notice("error", t("preview_expired"))}<p><a href="/uge">${t("try_again")}</a></p>` });
      return null;
    }
    if (preview.user !== context.auth(request)!.user.name) {
      context.render(request, reply, { title: t("error_title"), screen: "week", status: 403, body: notice("error", t("preview_other_user")) });
      return null;
    }
    return preview;
  };

  app.get("/uge/forhaandsvisning/:id", { onRequest: context.requireRight("assign") }, (request, reply) => {
    const preview = ownPreview(request, reply, (request.params as { id: string }).id);
    if (!preview) return reply;
    if (preview.confirmation !== null) return reply.redirect(`/uge/kvittering/${preview.id}`, 303);
    return context.render(request, reply, { title: t("preview_title", { week: preview.week }), screen: "week", body: previewView(context, preview, context.csrf(request, reply)) });
  });

  app.post("/uge/bekraeft", { onRequest: context.requireRight("assign"), preHandler: app.csrfProtection }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const preview = ownPreview(request, reply, fieldValue(body, "preview"));
    if (!preview) return reply;
    if (!previews.tokenMatches(preview, fieldValue(body, "token"))) {
      context.record(request, { action: "csrf_refused", status: 403, detail: "preview token" });
      return context.render(request, reply, { title: t("error_title"), screen: "week", status: 403, body: notice("error", t("csrf_refused")) });
    }
    if (preview.result.outcome === "unchanged") return reply.redirect(`/lister/${preview.result.batchId}`, 303);
    const first = preview.confirmation === null;
    // Set before anything is awaited: every later confirmation of this preview joins this one.
    if (first) preview.confirmation = confirm(context, preview, context.auth(request)!.user.name);
    try {
      const outcome = await preview.confirmation!;
      context.record(request, { action: first ? "confirm" : "confirm_repeat", status: 303, week: preview.week, batch: outcome.result.batchId ?? "", sha256: preview.sha256, detail: outcome.result.outcome });
    } catch (error) {
      if (first) preview.confirmation = null;
      if (!(error instanceof RegisterError)) throw error;
      context.record(request, { action: "confirm_failed", status: 503, week: preview.week, sha256: preview.sha256, detail: error.code });
      return context.render(request, reply, {
        title: t("error_title"),
        screen: "week",
        status: 503,
        body: html`${notice("error", t("confirm_failed", { reason: error.message }))}<p><a href="/uge/forhaandsvisning/${preview.id}">${t("preview_title", { week: preview.week })}</a></p>`,
      });
    }
    return reply.redirect(`/uge/kvittering/${preview.id}`, 303);
  });

  app.get("/uge/kvittering/:id", { onRequest: context.requireRight("assign") }, async (request, reply) => {
    const preview = ownPreview(request, reply, (request.params as { id: string }).id);
    if (!preview) return reply;
    if (preview.confirmation === null) return reply.redirect(`/uge/forhaandsvisning/${preview.id}`, 303);
    const outcome = await preview.confirmation;
    const { result } = outcome;
    const title = t("receipt_title", { batch: result.batchId ?? "-", week: result.week });
    const message =
      result.outcome === "unchanged"
        ? notice("info", t("receipt_unchanged", { week: result.week, batch: result.batchId ?? "-" }))
        : notice("ok", t("receipt_intro"));
    return context.render(request, reply, {
      title,
      screen: "week",
      body: html`${message}
${outcome.changedSincePreview ? notice("info", t("receipt_changed")) : ""}
${outcome.listWarnings.map((warning) => notice("info", warning))}
${downloadLinks(context, result.batchId ?? "")}
${countsView(result)}
<p><a href="/uge">${t("nav_week")}</a> · <a href="/lister">${t("nav_lists")}</a> · <a href="/register">${t("nav_register")}</a></p>`,
    });
  });

  /** Writes the preview's batch and its list; the one place the page writes to the register. */
  async function confirm(context: AppContext, preview: Preview, operator: string): Promise<ConfirmOutcome> {
    const { config, configHash, toolVersion, registerPath, listsDir } = context.options;
    const intake = await readIntakeBytes(preview.bytes!, { file: preview.fileName, config });
    if (intake.sha256 !== preview.sha256) throw new Error("internal: the preview's bytes changed");
    const register = openRegister(registerPath, { create: true, trialId: config.id, now: context.now() });
    let result: BatchResult;
    try {
      result = assignBatch(register, intake, { config, configHash, week: preview.week, operator, now: context.now(), toolVersion });
    } finally {
      closeRegister(register);
    }
    if (result.outcome !== "written" && result.outcome !== "unchanged") throw new Error(`internal: a previewed file was ${result.outcome}`);
    const list = await writeStaffList(result, config, listsDir);
    const shown = preview.result.counts;
    const changedSincePreview = JSON.stringify([shown.assigned, shown.alreadyAssigned, shown.ineligible]) !== JSON.stringify([result.counts.assigned, result.counts.alreadyAssigned, result.counts.ineligible]);
    preview.bytes = null;
    preview.outcome = { result, changedSincePreview, listWarnings: list.warnings };
    return preview.outcome;
  }

  function countsView(result: BatchResult): Html {
    const { counts } = result;
    const byStatus = statusCounts(result);
    const ineligible = (Object.entries(counts.ineligible) as [string, number][]).filter(([, n]) => n > 0);
    const newRows = result.rows.filter((row) => row.status === "assigned" && row.cpr !== null);
    const bornFirst = newRows.filter((row) => row.cpr!.slice(0, 2) === "01").length;
    const bornJanuary = newRows.filter((row) => row.cpr!.slice(0, 4) === "0101").length;
    return html`<dl class="facts">
<dt>${t("preview_file")}</dt><dd>${result.inputName}</dd>
<dt>${t("preview_hash")}</dt><dd><code>${result.inputSha256}</code></dd>
<dt>${t("preview_rows")}</dt><dd data-count="rows">${count(counts.rows)}</dd>
<dt>${t("preview_new")}</dt><dd data-count="new">${t("arm_intervention")} <span data-count="intervention">${count(counts.assigned.intervention)}</span>, ${t("arm_control")} <span data-count="control">${count(counts.assigned.control)}</span></dd>
<dt>${t("preview_already")}</dt><dd data-count="already">${count(counts.alreadyAssigned)}</dd>
<dt>${t("preview_ineligible")}</dt><dd data-count="ineligible">${count(byStatus.ineligible)}${ineligible.length > 0 ? ` (${ineligible.map(([reason, n]) => `${t(`ineligible_${reason}` as TextKey)} ${count(n)}`).join(", ")})` : ""}</dd>
<dt>${t("preview_duplicates")}</dt><dd>${count(counts.duplicatesCollapsed)}</dd>
<dt>${t("preview_flags")}</dt><dd>${[
      t("flag_replacement", { n: count(counts.flags.replacementNumber) }),
      t("flag_restored", { n: count(counts.flags.restoredLeadingZero) }),
      t("flag_no_modulus", { n: count(counts.flags.noModulus11) }),
      t("heaping", { first: count(bornFirst), january: count(bornJanuary) }),
    ].join("; ")}</dd>
</dl>`;
  }

  function previewView(context: AppContext, preview: Preview, csrf: string): Html {
    const { result } = preview;
    if (result.outcome === "unchanged") {
      return html`${notice("info", t("preview_unchanged", { week: result.week, batch: result.batchId ?? "-" }))}${downloadLinks(context, result.batchId ?? "")}${countsView(result)}`;
    }
    const shown = result.rows.slice(0, PREVIEW_ROWS_SHOWN);
    const armText = (arm: string | null) => (arm === "intervention" ? t("arm_intervention") : arm === "control" ? t("arm_control") : "");
    const explanation = (row: BatchResult["rows"][number]): string => {
      switch (row.status) {
        case "assigned":
          return row.flags.map((flag) => t(`flag_${flag}` as TextKey)).join("; ");
        case "already-assigned":
          return t("first_assigned", { week: row.assignedWeek ?? "-", batch: row.assignedBatchId ?? "-" });
        case "ineligible":
          return t(`ineligible_${row.reason}` as TextKey);
        case "duplicate":
          return t("duplicate_of", { row: row.duplicateOf ?? "-" });
        case "invalid":
          return row.reason ?? "";
      }
    };
    const table = html`<table>
<caption>${t("preview_table_caption")}</caption>
<thead><tr><th scope="col">${t("col_row")}</th><th scope="col">${t("col_status")}</th><th scope="col">${t("col_group")}</th><th scope="col">${t("col_explanation")}</th></tr></thead>
<tbody>${shown.map(
      (row) =>
        html`<tr data-row="${row.row}" data-status="${row.status}" data-arm="${row.status === "assigned" || row.status === "already-assigned" ? (row.arm ?? "") : ""}"><td class="num">${row.row}</td><td>${t(`status_${row.status}` as TextKey)}</td><td>${row.status === "assigned" || row.status === "already-assigned" ? armText(row.arm) : ""}</td><td>${explanation(row)}</td></tr>`,
    )}</tbody>
</table>`;
    return html`<p>${t("preview_intro")}</p>
${result.warnings.map((warning) => notice("info", warning[context.lang]))}
${countsView(result)}
<form method="post" action="/uge/bekraeft" class="actions">
${csrfField(csrf)}
<input type="hidden" name="preview" value="${preview.id}">
<input type="hidden" name="token" value="${preview.token}">
<button type="submit">${t("preview_confirm")}</button>
<a class="button secondary" href="/uge">${t("preview_cancel")}</a>
</form>
${result.rows.length > shown.length ? html`<p>${t("preview_rows_cut", { shown: count(shown.length), total: count(result.rows.length) })}</p>` : ""}
${scrollTable(t("preview_table_caption"), table)}`;
  }
}

/** The download links of a batch's list. */
export function downloadLinks(context: AppContext, batchId: string): Html {
  const { t } = context;
  return html`<p class="actions"><a class="button" href="/lister/${batchId}/liste.csv" aria-label="${t("download_csv_label", { batch: batchId })}" download>${t("download_csv")}</a>
<a class="button" href="/lister/${batchId}/liste.xlsx" aria-label="${t("download_xlsx_label", { batch: batchId })}" download>${t("download_xlsx")}</a></p>`;
}

/** Every problem of a refused file: row, column, what and how to fix; never a cell's value (the messages never quote one). */
export function problemsView(context: AppContext, fileName: string, problems: readonly Problem[]): Html {
  const { t, lang } = context;
  const table = html`<table>
<caption>${t("problems_title")}</caption>
<thead><tr><th scope="col">${t("col_row")}</th><th scope="col">${t("col_column")}</th><th scope="col">${t("col_problem")}</th><th scope="col">${t("col_fix")}</th></tr></thead>
<tbody>${problems.map(
    (item) =>
      html`<tr data-problem="${item.code}"><td class="num">${item.row ?? t("whole_file")}</td><td>${item.column ?? (item.row === null ? t("whole_file") : t("whole_row"))}</td><td>${lang === "da" ? item.messageDa : item.message}</td><td>${lang === "da" ? item.fixDa : item.fix}</td></tr>`,
  )}</tbody>
</table>`;
  const countText = problems.length === 1 ? t("problems_count_one") : t("problems_count_many", { n: formatCount(problems.length, lang) });
  return html`${notice("error", t("problems_intro", { file: fileName, count: countText }))}
${scrollTable(t("problems_title"), table)}
<p><a class="button" href="/uge">${t("try_again")}</a></p>`;
}
