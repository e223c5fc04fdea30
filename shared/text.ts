/** "1 rack", "3 racks": counts in messages, panels and reports, said one way everywhere. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
