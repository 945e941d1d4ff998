// Text bound for a spreadsheet cell (CSV or XLSX): text that Excel would run as a formula (=, +,
// -, @, tab, CR first) gets a leading apostrophe, so an opened export never executes anything;
// an import takes it off again.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a cell may hold it: a leading apostrophe before a formula's first character. */
export const defuseFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** An imported cell's text with the apostrophe an export put before it taken off. */
export const restoreFormula = (text: string) =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
