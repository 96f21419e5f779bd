/** "1 class", "12 classes": a count and its noun. */
export const counted = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "1 play", "12 plays". */
export const plays = (count: number) => counted(count, "play");

/** A class's length in minutes ("45 min"); null when Peloton sent none. */
export const minutes = (seconds: number | null | undefined) => (seconds ? `${Math.round(seconds / 60)} min` : null);

/** When a class aired, as the reader's locale writes a date; null when unknown. */
export const airedOn = (airedAt: string | null | undefined) => (airedAt ? new Date(airedAt).toLocaleDateString(undefined, { dateStyle: "medium" }) : null);

/** A song's start in its class: "m:ss" (or "h:mm:ss"); null when Peloton sent no time. */
export function startTime(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined) return null;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(Math.floor(seconds % 60)).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The members' difficulty rating ("difficulty 7.4"); null when unrated. */
export const difficulty = (rating: number | null | undefined) => (rating === null || rating === undefined ? null : `difficulty ${rating.toFixed(1)}`);

/** Words search can compare: 2 to 200 characters as sent and once folded (accents apart: "é" written as e and its accent is one); the API refuses others. */
export const searchable = (text: string) => {
  const folded = [...text.trim().normalize("NFKD").replace(/\p{M}/gu, "")].length;
  return folded >= 2 && folded <= 200 && [...text.trim()].length <= 200;
};

/** Words a whole-word filter can match: searchable, with at least 2 letters or digits (the API refuses a term of fewer besides punctuation). */
export const hasWords = (text: string) => searchable(text) && (text.normalize("NFKD").match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
