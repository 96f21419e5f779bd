// Text typed into a box: settled before it is used, and kept in the URL.
import { useEffect, useEffectEvent, useRef, useState } from "react";

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A text box whose words a URL holds (`inUrl`): what is typed is written there once it settles (by
 * `write`, which should replace the history entry: a step per keystroke is noise), and a URL changed
 * from outside (back, forward, a link) goes to the box. `written` tells the two apart: the words the
 * URL and the box last agreed on. Returns the box's text and its setter.
 */
export function useTextInUrl(inUrl: string, write: (words: string) => void, ms = 250) {
  const [text, setText] = useState(inUrl);
  const typed = useDebounced(text, ms);
  const written = useRef(inUrl);
  // the latest write, which sees the latest URL, without the effect running again for a new one
  const writeLatest = useEffectEvent(write);
  useEffect(() => {
    const words = typed.trim();
    if (words === written.current) return;
    written.current = words;
    writeLatest(words);
  }, [typed]);
  useEffect(() => {
    if (inUrl === written.current) return;
    written.current = inUrl;
    setText(inUrl);
  }, [inUrl]);
  return [text, setText] as const;
}
