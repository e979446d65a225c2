/**
 * Rendering a report in pieces. Handlebars renders a template to one string,
 * and V8 allows no string longer than 2^29 - 24 characters: an overview or
 * visitatie report over all schools of a national repository is longer. So a
 * long list (`{{#each}}` over the schools) is not rendered where it stands:
 * it leaves a marker, and its items are rendered one at a time as the
 * output is written, each in its place.
 *
 * Rendered later, an item would take a later element id from `{{#withId}}`
 * than it has in the text. Ids are therefore numbered as the text is given
 * out, in the order the blocks that make them begin: the numbers are those a
 * whole-string rendering gives.
 */
import { randomBytes } from "node:crypto";
import type Handlebars from "handlebars";
import type { HelperOptions } from "handlebars";

/** Lists shorter than this are rendered in place: a long list is the schools of a repository, not a report's own rows. */
export const STREAM_FROM = 100;

/** Where helpers find the stream of the render they are in (Handlebars copies it into every data frame). */
const KEY = "sopAuditStream";

interface Frame {
  _parent?: Frame;
  [key: string]: unknown;
}

export class RenderStream {
  /** Marks no text can hold by chance: letters and digits only, so escaping, `md`, `cls` and `url` leave them be. */
  private readonly nonce = [...randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  private readonly mark = new RegExp(`${this.nonce}([dei])(\\d+)z`, "g");
  private next = 0;
  private readonly lists = new Map<number, () => Iterable<string>>();
  private readonly ids = new Map<number, number>();
  private idCount = 0;
  /** Partials Handlebars indents: their output is indented as one string, so nothing in them is left for later. */
  indented = 0;

  constructor(
    private readonly hb: typeof Handlebars,
    private readonly from: number,
    /** Turns an error in a template, raised while writing, into what the user sees. */
    private readonly failed: (error: unknown) => unknown,
  ) {}

  /** The data for the template's root frame. */
  data(): Record<string, unknown> {
    return { [KEY]: this };
  }

  /** Whether `{{#each}}` over `list` is left for later. */
  defers(list: unknown, options: HelperOptions): list is unknown[] {
    return Array.isArray(list) && list.length >= this.from && this.indented === 0 && options.data !== undefined;
  }

  /** Leaves the list's items for later, as Handlebars' own `each` would render them then. */
  defer(list: unknown[], options: HelperOptions): string {
    const k = this.next++;
    const fn = options.fn;
    // The enclosing `each` reuses its frame for every item: what @index and the like say now is kept.
    const data = snapshot(options.data as Frame);
    const hb = this.hb;
    this.lists.set(k, function* () {
      for (let i = 0; i < list.length; i++) {
        if (!(i in list)) continue;
        const frame = hb.createFrame(data) as Frame;
        frame.key = i;
        frame.index = i;
        frame.first = i === 0;
        frame.last = i === list.length - 1;
        // The block parameters' paths as Handlebars' each gives them when ids are not tracked.
        yield fn(list[i], { data: frame, blockParams: hb.Utils.blockParams([list[i], i], [Number.NaN, null]) });
      }
    });
    return this.at("d", k);
  }

  /** For `{{#withId}}`: a mark to put where the block begins, and the number as it will be given out. */
  newId(): { begins: string; number: string } {
    const k = this.next++;
    return { begins: this.at("e", k), number: this.at("i", k) };
  }

  /** The text, with every list rendered in its place and every id numbered, in pieces. */
  *expand(text: string): Generator<string> {
    let from = 0;
    for (const m of text.matchAll(this.mark)) {
      if (m.index > from) yield text.slice(from, m.index);
      from = m.index + m[0].length;
      const k = Number(m[2]);
      if (m[1] === "e") this.ids.set(k, ++this.idCount);
      else if (m[1] === "i") yield String(this.known(this.ids.get(k), k));
      else {
        const items = this.known(this.lists.get(k), k)()[Symbol.iterator]();
        this.lists.delete(k);
        for (;;) {
          const firstMark = this.next;
          const item = this.render(items);
          if (item === undefined) break;
          yield* this.expand(item);
          // Ids made in an item are used only there.
          for (let id = firstMark; id < this.next; id++) this.ids.delete(id);
        }
      }
    }
    if (from < text.length) yield text.slice(from);
  }

  /** The next item, rendered now. */
  private render(items: Iterator<string>): string | undefined {
    try {
      const step = items.next();
      return step.done === true ? undefined : step.value;
    } catch (error) {
      throw this.failed(error);
    }
  }

  private known<T>(value: T | undefined, k: number): T {
    // A mark given out before its block began, or twice: a helper that moves text, which none does.
    if (value === undefined) throw new Error(`report stream: mark ${k} is not where it was made`);
    return value;
  }

  private at(kind: "d" | "e" | "i", k: number): string {
    return `${this.nonce}${kind}${k}z`;
  }
}

export function streamOf(options: HelperOptions): RenderStream | undefined {
  const found = (options.data as Frame | undefined)?.[KEY];
  return found instanceof RenderStream ? found : undefined;
}

/**
 * Makes `{{#each}}` leave long lists for later, and keeps them in place in
 * partials Handlebars indents. `hb` is a renderer's own instance.
 */
export function streamLists(hb: typeof Handlebars): void {
  const each = hb.helpers.each as (this: unknown, list: unknown, options: HelperOptions) => string;
  hb.registerHelper("each", function (this: unknown, list: unknown, options: HelperOptions) {
    const stream = streamOf(options);
    return stream?.defers(list, options) === true ? stream.defer(list, options) : each.call(this, list, options);
  });
  type Invoke = (this: unknown, partial: unknown, context: unknown, options: { indent?: string; data?: Frame }) => unknown;
  const vm = (hb as unknown as { VM: { invokePartial: Invoke } }).VM;
  const invoke = vm.invokePartial;
  (hb as unknown as { VM: object }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { indent?: string; data?: Frame }) {
      const stream = options.indent ? (options.data?.[KEY] as RenderStream | undefined) : undefined;
      if (stream === undefined) return invoke.call(this, partial, context, options);
      stream.indented++;
      try {
        return invoke.call(this, partial, context, options);
      } finally {
        stream.indented--;
      }
    },
  };
}

function snapshot(frame: Frame | undefined): Frame | undefined {
  if (frame === undefined || frame === null || typeof frame !== "object") return frame;
  const copy: Frame = { ...frame };
  if (frame._parent !== undefined) copy._parent = snapshot(frame._parent);
  return copy;
}
