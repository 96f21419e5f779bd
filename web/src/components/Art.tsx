import { useState } from "react";

/** Album art from Peloton's CDN, decorative (alt=""): a plain square when there is none or it cannot load (offline). */
export function Art({ src, size }: { src: string | null | undefined; size: number }) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (!src || failed) return <span className="art" style={style} />;
  return <img src={src} alt="" width={size} height={size} loading="lazy" className="art" onError={() => setFailed(true)} />;
}
