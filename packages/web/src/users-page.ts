/**
 * Brugere (administrators only): the users and their roles, and a form to
 * add a user or give one a new password and role: the same as
 * `jobtrial serve adduser`, written to the same file.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { html, type Html } from "./html.ts";
import { csrfField, notice, scrollTable, localTime } from "./layout.ts";
import type { AppContext } from "./server.ts";
import { addUser, MIN_PASSWORD_LENGTH, ROLES, UsersFileError, type Role } from "./users.ts";

export function registerUserRoutes(app: FastifyInstance, context: AppContext): void {
  const { t } = context;

  const usersPage = (request: FastifyRequest, reply: FastifyReply, message: Html | null, status = 200) => {
    const users = context.users().users;
    const table = html`<table><caption>${t("users_caption")}</caption>
<thead><tr><th scope="col">${t("col_user")}</th><th scope="col">${t("col_role")}</th><th scope="col">${t("col_changed")}</th></tr></thead>
<tbody>${users.map((user) => html`<tr><td>${user.name}</td><td>${t(`role_${user.role}`)}</td><td>${localTime(user.changedAt, context.lang)}</td></tr>`)}</tbody></table>`;
    return context.render(request, reply, {
      title: t("users_title"),
      screen: "users",
      status,
      body: html`${message}<p>${t("users_intro")}</p>
${scrollTable(t("users_caption"), table)}
<h2>${t("users_add_title")}</h2>
<form method="post" action="/brugere" class="stack">
${csrfField(context.csrf(request, reply))}
<div><label for="name">${t("login_name")}</label><input type="text" id="name" name="name" autocomplete="off" required></div>
<div><label for="role">${t("col_role")}</label><select id="role" name="role">${ROLES.map((role) => html`<option value="${role}">${t(`role_${role}`)}</option>`)}</select></div>
<div><label for="password">${t("login_password")}</label><input type="password" id="password" name="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required aria-describedby="password-hint">
<p class="hint" id="password-hint">${t("users_password_hint", { n: MIN_PASSWORD_LENGTH })}</p></div>
<div><label class="check"><input type="checkbox" name="replace" value="yes"> <span>${t("users_replace")}</span></label></div>
<div><button type="submit">${t("users_add_button")}</button></div>
</form>`,
    });
  };

  app.get("/brugere", { onRequest: context.requireRight("manageUsers") }, (request, reply) => usersPage(request, reply, null));

  app.post("/brugere", { onRequest: context.requireRight("manageUsers"), preHandler: app.csrfProtection }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = typeof body["name"] === "string" ? body["name"].trim() : "";
    const role = (typeof body["role"] === "string" ? body["role"] : "") as Role;
    const password = typeof body["password"] === "string" ? body["password"] : "";
    try {
      await addUser(context.options.usersPath, { name, role, password, replace: body["replace"] === "yes", now: context.now() });
    } catch (error) {
      if (!(error instanceof UsersFileError)) throw error;
      return usersPage(request, reply, notice("error", error.messageIn(context.lang)), 400);
    }
    context.record(request, { action: "user_saved", status: 200, detail: `${name} (${role})` });
    return usersPage(request, reply, notice("ok", t("users_saved", { user: name, role: t(`role_${role}`) })));
  });
}
