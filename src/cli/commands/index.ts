/** Every command, registered in one list. */
import type { Command } from "commander";
import type { CommandOutcome } from "../exit-code.js";
import type { Io } from "../io.js";
import { registerCheck } from "./check.js";
import { registerExplain } from "./explain.js";
import { registerRuleset } from "./ruleset.js";
import { registerStandards } from "./standards.js";

export type RegisterCommand = (program: Command, io: Io, done: (outcome: CommandOutcome) => void) => void;

export const COMMANDS: RegisterCommand[] = [registerCheck, registerStandards, registerExplain, registerRuleset];
