/**
 * Commander's own texts — help headings, usage placeholders and usage
 * errors — come from the message catalogue: Dutch by default, English with
 * --lang en, and no English left under Dutch.
 */
import { describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";

describe("commander's texts in the run's language", () => {
  it("help: headings and placeholders", async () => {
    const nl = await runInProcess(["--help"]);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/^Gebruik: sop-audit \[opties\] \[opdracht\]\n/);
    expect(nl.stdout).toContain("\nOpties:\n");
    expect(nl.stdout).toContain("\nOpdrachten:\n");
    expect(nl.stdout).toContain("help [opdracht]");
    expect(nl.stdout).toContain("toon hulp bij een opdracht");
    for (const english of ["Usage:", "Options:", "Commands:", "[options]", "[command]", "display help for command"]) expect(nl.stdout).not.toContain(english);

    const en = await runInProcess(["check", "--help", "--lang", "en"]);
    expect(en.stdout).toMatch(/^Usage: sop-audit check \[options\] \[paths\.\.\.\]\n/);
    expect(en.stdout).toContain("\nOptions:\n");
  });

  it.each([
    [["check", "--bogus"], "fout: onbekende optie '--bogus'\n", "error: unknown option '--bogus'\n"],
    [["chekc"], "fout: onbekende opdracht 'chekc'\n(Bedoelde je check?)\n", "error: unknown command 'chekc'\n(Did you mean check?)\n"],
    [["coverage", "--format"], "fout: optie '--format <formaat>' mist een waarde\n", "error: option '--format <format>' argument missing\n"],
    [["check", "--fail-on", "altijd"], "fout: optie '--fail-on <ernst>': 'altijd' is geen geldige waarde; kies uit error, warning, info, never\n", "error: option '--fail-on <severity>': 'altijd' is invalid; allowed choices are error, warning, info, never\n"],
  ])("usage error %j: exit 2, in Dutch and in English", async (args, dutch, english) => {
    const nl = await runInProcess(args);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toBe(dutch);
    // Right after the command: an option that lacks its value would take --lang as one.
    const en = await runInProcess([args[0]!, "--lang", "en", ...args.slice(1)]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(english);
  });
});
