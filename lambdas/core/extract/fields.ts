// Status notices from recruiting software and civil services name the role and the employer in
// labelled fields rather than sentences: "Position: Transport Planner", "Job title | Requisition |
// Status" over a row per application, "Position" on one line and the title on the next,
// "Agency: Bureau of Inland Waterways". A field says plainly what a sentence only implies, so it is
// read first. Read line by line: the flat text runs a block of fields together.

export interface Fields {
  role: string | null;
  company: string | null;
}

/** Labels whose value is the job. */
const ROLE_LABEL =
  /^(?:position|position title|job|job title|role|post|vacancy|vacancy title|opening|requisition|examination|selection process)$/i;
/** Labels whose value is the employer. */
const COMPANY_LABEL = /^(?:company|employer|hiring (?:company|organi[sz]ation)|organi[sz]ation|provider|agency)$/i;
/** A department is the employer only when it is a government's: "Department for Regional Growth". */
const DEPARTMENT_LABEL = /^department$/i;
const GOVERNMENT = /^(?:department|ministry|office|bureau|agency) (?:of|for) /i;

const FIELD = /^([A-Za-z][A-Za-z ]{1,28}?)\s*:\s*(\S.{0,140})$/;
/** A status that says this application ended: the row of a table to read. */
const ENDED = /\b(?:not|no longer|unsuccessful|declined|rejected|closed|withdrawn|archived|filled|regret)\b/i;
const LISTED = /^[•*·-]\s*(.+?)\s+-\s+(?:outcome|status|result)\s*:\s*(.+)$/i;
/** A value that is no name: a bare code or date. */
const NO_NAME = /^[\d\W]+$/;

export function readFields(lines: readonly string[]): Fields {
  let role: string | null = null;
  let company: string | null = null;
  let table: { column: number; status: number } | null = null;
  let tableRole: string | null = null;
  let tableRoleStatus = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Most lines hold neither a colon nor a bar nor a bare label: nothing to read.
    if (line === '' || line.length > 160) continue;
    if (line.includes('|')) {
      const cells = line.split(/\s*\|\s*/);
      if (table === null) {
        const column = cells.findIndex((c) => ROLE_LABEL.test(c));
        if (column >= 0 && cells.length >= 2)
          table = { column, status: cells.findIndex((c) => /^(?:status|outcome|result|decision)$/i.test(c)) };
        continue;
      }
      const cell = cells[table.column];
      if (!cell || NO_NAME.test(cell)) continue;
      const status = table.status >= 0 ? (cells[table.status] ?? '') : '';
      if (tableRole === null || (ENDED.test(status) && !ENDED.test(tableRoleStatus))) {
        tableRole = cell;
        tableRoleStatus = status;
      }
      continue;
    }
    // "• Graduate Data Scientist (R-10442) - Outcome: Unsuccessful": one application a line.
    const listed = LISTED.exec(line);
    if (listed?.[1] && ENDED.test(listed[2] ?? '')) {
      if (!ENDED.test(tableRoleStatus)) {
        tableRole = listed[1];
        tableRoleStatus = listed[2] ?? '';
      }
      continue;
    }
    const field = FIELD.exec(line);
    let label = field?.[1]?.trim() ?? null;
    let value = field?.[2]?.trim() ?? null;
    // "Position" alone on a line, the title on the next.
    if (!field && (ROLE_LABEL.test(line) || COMPANY_LABEL.test(line))) {
      label = line;
      value = lines[i + 1]?.trim() ?? null;
    }
    if (!label || !value || NO_NAME.test(value)) continue;
    if (role === null && ROLE_LABEL.test(label)) role = value;
    else if (
      company === null &&
      (COMPANY_LABEL.test(label) || (DEPARTMENT_LABEL.test(label) && GOVERNMENT.test(value)))
    )
      company = value;
  }
  return { role: role ?? tableRole, company };
}
