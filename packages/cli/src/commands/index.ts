/**
 * Every `jobtrial` command, in the order `jobtrial --help` lists them.
 * Add a command by importing it and adding one line to the list.
 */
import type { Command } from "../command.ts";
import { configCheck } from "./config.ts";
import { demo } from "./demo.ts";
import { analyze } from "./analyze.ts";
import { power } from "./power.ts";
import { simulate } from "./simulate.ts";
import { assign, assignDiagnose } from "./assign.ts";
import { registerExport, registerKeygen, registerVerify, registerVoid } from "./register.ts";
import { pseudonymize } from "./pseudonymize.ts";
import { businessCaseCommand } from "./business-case.ts";
import { survival } from "./survival.ts";
import { compare } from "./compare.ts";
import { report } from "./report.ts";

export const commands: Command[] = [
  configCheck,
  simulate,
  assign,
  assignDiagnose,
  registerVerify,
  registerKeygen,
  registerExport,
  registerVoid,
  pseudonymize,
  survival,
  compare,
  analyze,
  power,
  businessCaseCommand,
  report,
  demo,
];
