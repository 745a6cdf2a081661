/**
 * A building's name as a group heading: without the parenthesised list of what it houses
 * ("综合楼（食堂、浴室、洗衣房）" → "综合楼"), which the heading's tooltip keeps.
 */
export function shortBuildingName(name: string): string {
  const short = name.replace(/\s*[（(][^（()）]*[)）]\s*$/u, '').trim();
  return short === '' ? name : short;
}
