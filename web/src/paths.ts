/** A page of one item (main.tsx's routes), by the item's Peloton id. */
const pageOf = (kind: string) => (id: string) => `/${kind}/${encodeURIComponent(id)}`;

/** Where the app shows a class, an instructor, an artist or a song. */
export const pathTo = { class: pageOf("classes"), instructor: pageOf("instructors"), artist: pageOf("artists"), song: pageOf("songs") };
