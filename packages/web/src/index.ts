/**
 * @jobtrial/web: `jobtrial serve`, the staff's web page for the weekly
 * assignment (Denne uge, Listen, Registret, Brugere), and the users file.
 *
 * This file is the package's only door: it names what other packages may use.
 */
export { createServer, DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions } from "./server.ts";
export { addUser, authenticate, MIN_PASSWORD_LENGTH, readUsers, ROLES, UsersFileError, UsersFileSchema, type Role, type User, type UsersFile } from "./users.ts";
export { DEFAULT_SESSION_LIMITS, type SessionLimits } from "./sessions.ts";
