/** The school year a date falls in: from 1 September to 31 August, e.g. "2026-2027". */
export function schoolYearOf(date: Date): string {
  const year = date.getUTCFullYear() - (date.getUTCMonth() < 8 ? 1 : 0);
  return `${year}-${year + 1}`;
}

export const nextSchoolYear = (schoolYear: string) => {
  const start = Number(schoolYear.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
};

/** The school years a form offers: last, this and next. */
export const schoolYearsAround = (now: Date) => {
  const current = Number(schoolYearOf(now).slice(0, 4));
  return [current - 1, current, current + 1].map((y) => `${y}-${y + 1}`);
};
