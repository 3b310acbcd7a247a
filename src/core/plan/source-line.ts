/** A non-empty line of a plan's text, with where it stood: what every part of the parser reads. */
export interface SourceLine {
  /** Trimmed, never empty. */
  text: string;
  /** 1-based line in the original text. */
  line: number;
}
