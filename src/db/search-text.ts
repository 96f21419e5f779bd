/** Text folded the way search compares it: lower case, accents removed ("Beyoncé" → "beyonce"). */
export const foldForSearch = (text: string): string => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
