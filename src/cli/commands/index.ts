/** Every command, registered in one list. */
import type { Command } from "commander";
import type { Lang } from "../../core/types.js";
import type { CommandOutcome } from "../exit-code.js";
import type { Io } from "../io.js";
import { registerCheck } from "./check.js";
import { registerCoverage } from "./coverage.js";
import { registerExplain } from "./explain.js";
import { registerInit } from "./init.js";
import { registerNew } from "./new.js";
import { registerOuders } from "./ouders.js";
import { registerReport } from "./report.js";
import { registerRuleset } from "./ruleset.js";
import { registerSchema } from "./schema.js";
import { registerStandards } from "./standards.js";
import { registerVisitatie } from "./visitatie.js";

/** `lang`: the language of the help and usage texts (--lang as given, else Dutch). */
export type RegisterCommand = (program: Command, io: Io, done: (outcome: CommandOutcome) => void, lang: Lang) => void;

export const COMMANDS: RegisterCommand[] = [registerInit, registerNew, registerCheck, registerReport, registerCoverage, registerVisitatie, registerOuders, registerStandards, registerExplain, registerRuleset, registerSchema];
