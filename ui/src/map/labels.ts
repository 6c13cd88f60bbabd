// Labels for the canvas: wrapped at about the vocabulary's width so long office names stay
// readable on a projector, initials for people, and the size a wrapped label needs (nodes are
// sized to their labels, like yEd's, rather than text overflowing a fixed box).

/**
 * Breaks `text` into lines of at most about `maxChars` characters, at spaces or after hyphens.
 * Line breaks already in `text` (a name, then a title) are kept; a word longer than a line keeps
 * a line to itself.
 */
export function wrapLabel(text: string, maxChars: number): string {
  return text
    .split("\n")
    .map((paragraph) => wrapParagraph(paragraph, maxChars))
    .filter((lines) => lines !== "")
    .join("\n");
}

function wrapParagraph(text: string, maxChars: number): string {
  const lines: string[] = [];
  let line = "";
  for (const { piece, glue } of pieces(text)) {
    if (line === "") {
      line = piece;
    } else if (line.length + glue.length + piece.length <= maxChars) {
      line += glue + piece;
    } else {
      lines.push(line);
      line = piece;
    }
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

// The places a line may break: between words (glue " ") and after a hyphen inside a word
// (glue "", so "program-of-study" rejoins as it was when it fits on one line). An ampersand
// never ends a line: it stays with the word after it.
function pieces(text: string): { piece: string; glue: string }[] {
  const all = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "")
    .flatMap((word) => {
      const parts = word.split("-");
      return parts
        .map((part, i) => (i < parts.length - 1 ? `${part}-` : part))
        .filter((piece) => piece !== "")
        .map((piece, i) => ({ piece, glue: i === 0 ? " " : "" }));
    });
  return all.reduce<{ piece: string; glue: string }[]>((joined, next) => {
    const last = joined[joined.length - 1];
    if (last && last.piece === "&") last.piece = `& ${next.piece}`;
    else joined.push({ ...next });
    return joined;
  }, []);
}

const HONORIFICS = new Set(["dr", "mr", "mrs", "ms", "mx", "prof"]);

/** "Dr. Maria Alvarez" → "MA": what fits in a person's small circle. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => w !== "" && !HONORIFICS.has(w.replace(/\.$/, "").toLowerCase()));
  if (words.length === 0) return "";
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : "";
  return (first + last).toUpperCase();
}

/** Source Sans 3 averages a little under half an em per character. */
const AVERAGE_CHAR_EM = 0.5;
const LINE_HEIGHT_EM = 1.25;

/** The box a wrapped label needs at `fontSize`, in canvas pixels at zoom 1. */
export function labelSize(wrapped: string, fontSize: number): { width: number; height: number } {
  const lines = wrapped.split("\n");
  const longest = Math.max(0, ...lines.map((l) => l.length));
  return {
    width: Math.ceil(longest * fontSize * AVERAGE_CHAR_EM),
    height: Math.ceil(lines.length * fontSize * LINE_HEIGHT_EM),
  };
}
