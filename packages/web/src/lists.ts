/**
 * Listen: the staff list of every assignment batch, as `jobtrial assign`
 * writes it (CSV for Danish Excel and XLSX with the conversation plans), from
 * the list folder the CLI uses too ("lister" beside the register unless the
 * server was told otherwise). The register holds no names and no rows that
 * were not assigned, so a list is never rebuilt from it: a list that is not
 * in the folder is written again by uploading the week's file again (the same
 * file for the same week changes nothing and writes the same list).
 */
import { closeRegister, listBatches, openRegister, staffListPaths } from "@jobtrial/assign";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { html, type Html } from "./html.ts";
import { notice, scrollTable, localTime } from "./layout.ts";
import type { AppContext } from "./server.ts";
import { downloadLinks } from "./week.ts";

export type BatchRecord = ReturnType<typeof listBatches>[number];

/** The register's batch records, oldest first; empty when the register does not exist yet. */
export function readBatches(context: AppContext): BatchRecord[] {
  const { registerPath, config } = context.options;
  if (!existsSync(registerPath)) return [];
  const register = openRegister(registerPath, { readonly: true, trialId: config.id });
  try {
    return listBatches(register);
  } finally {
    closeRegister(register);
  }
}

/** Batch id -> the void record that voids it. */
export function voidsByTarget(batches: readonly BatchRecord[]): Map<number, BatchRecord> {
  return new Map(batches.filter((batch) => batch.kind === "void" && batch.voids_batch_seq !== null).map((batch) => [batch.voids_batch_seq!, batch]));
}

/** Where the list files of a batch are (whether or not they exist). */
function listFiles(context: AppContext, batch: BatchRecord): { csv: string; xlsx: string } {
  return staffListPaths({ trialId: batch.trial_id, week: batch.week ?? "", batchId: batch.batch_id }, context.options.listsDir);
}

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function registerListRoutes(app: FastifyInstance, context: AppContext): void {
  const { t } = context;

  const batchLine = (batch: BatchRecord, voids: Map<number, BatchRecord>): Html => {
    const files = listFiles(context, batch);
    const voided = voids.get(batch.batch_seq);
    return html`<tr data-batch="${batch.batch_id}">
<td><a href="/lister/${batch.batch_id}">${batch.batch_id}</a></td><td>${batch.week}</td><td>${batch.operator}</td><td>${localTime(batch.created_at, context.lang)}</td>
<td>${voided ? t("voided_by", { batch: voided.batch_id, reason: voided.reason ?? "" }) : ""}</td>
<td>${existsSync(files.csv) ? downloadLinks(context, batch.batch_id) : t("lists_missing")}</td></tr>`;
  };

  app.get("/lister", (request, reply) => {
    const batches = readBatches(context);
    const assigned = batches.filter((batch) => batch.kind === "assign").reverse();
    const voids = voidsByTarget(batches);
    const table = html`<table><caption>${t("nav_lists")}</caption>
<thead><tr><th scope="col">${t("col_batch")}</th><th scope="col">${t("col_week")}</th><th scope="col">${t("col_operator")}</th><th scope="col">${t("col_time")}</th><th scope="col">${t("col_status")}</th><th scope="col">${t("nav_lists")}</th></tr></thead>
<tbody>${assigned.map((batch) => batchLine(batch, voids))}</tbody></table>`;
    return context.render(request, reply, {
      title: t("lists_title"),
      screen: "lists",
      body: html`<p>${t("lists_intro")}</p>${assigned.length === 0 ? notice("info", t("lists_none")) : scrollTable(t("nav_lists"), table)}`,
    });
  });

  /** The assignment batch named in the URL, or a 404 page. */
  const batchFor = (request: FastifyRequest, reply: FastifyReply): { batch: BatchRecord; voids: Map<number, BatchRecord> } | null => {
    const id = (request.params as { batch: string }).batch;
    const batches = readBatches(context);
    const batch = batches.find((item) => item.batch_id === id && item.kind === "assign");
    if (!batch) {
      context.render(request, reply, { title: t("error_title"), screen: "lists", status: 404, body: html`${notice("error", t("batch_not_found"))}<p><a href="/lister">${t("nav_lists")}</a></p>` });
      return null;
    }
    return { batch, voids: voidsByTarget(batches) };
  };

  app.get("/lister/:batch", (request, reply) => {
    const found = batchFor(request, reply);
    if (!found) return reply;
    const { batch, voids } = found;
    const files = listFiles(context, batch);
    const voided = voids.get(batch.batch_seq);
    return context.render(request, reply, {
      title: t("batch_title", { batch: batch.batch_id, week: batch.week ?? "-" }),
      screen: "lists",
      body: html`${voided ? notice("info", t("voided_by", { batch: voided.batch_id, reason: voided.reason ?? "" })) : ""}
<p>${t("lists_intro")}</p>
${existsSync(files.csv) ? downloadLinks(context, batch.batch_id) : notice("info", t("lists_missing"))}
<dl class="facts"><dt>${t("col_operator")}</dt><dd>${batch.operator}</dd><dt>${t("col_time")}</dt><dd>${localTime(batch.created_at, context.lang)}</dd><dt>${t("preview_file")}</dt><dd>${batch.input_name}</dd><dt>${t("preview_hash")}</dt><dd><code>${batch.input_sha256}</code></dd></dl>`,
    });
  });

  for (const format of ["csv", "xlsx"] as const) {
    app.get(`/lister/:batch/liste.${format}`, (request, reply) => {
      const found = batchFor(request, reply);
      if (!found) return reply;
      const path = listFiles(context, found.batch)[format];
      if (!existsSync(path)) {
        return context.render(request, reply, { title: t("error_title"), screen: "lists", status: 404, body: html`${notice("error", t("lists_missing"))}<p><a href="/lister">${t("nav_lists")}</a></p>` });
      }
      context.record(request, { action: "download", status: 200, batch: found.batch.batch_id, week: found.batch.week ?? "", format });
      return reply
        .type(CONTENT_TYPE[format])
        .header("content-disposition", `attachment; filename="${basename(path).replace(/[^\w.-]/g, "_")}"`)
        .send(readFileSync(path));
    });
  }
}
