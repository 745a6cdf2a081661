/** Pixels per second the slogans move at, in CSS pixels of a 1080-line screen. */
const TICKER_CHARS_PER_S = 4;

/** The slogans scrolling along the bottom of the screen, round and round. */
export function SloganTicker({ slogans }: { readonly slogans: readonly string[] }) {
  const line = slogans.join('　　◆　　');
  // Twice the line, moved by half its width, makes a seamless loop.
  const seconds = Math.max(20, [...line].length / TICKER_CHARS_PER_S);
  return (
    <div className="lobby-ticker" data-testid="lobby-ticker">
      <div className="lobby-ticker-track" style={{ animationDuration: `${seconds}s` }}>
        <span>{line}　　◆　　</span>
        <span aria-hidden="true">{line}　　◆　　</span>
      </div>
    </div>
  );
}
