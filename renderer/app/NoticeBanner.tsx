import { useEffect } from 'react';
import { useEditor } from '../store/editor';

const INFO_MS = 4_000;

export function NoticeBanner() {
  const notice = useEditor((s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => useEditor.getState().notify(null), INFO_MS);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div>
        <p>{notice.text}</p>
        {notice.details.length > 0 ? (
          <ul>
            {notice.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button aria-label="Dismiss" onClick={() => useEditor.getState().notify(null)}>
        ×
      </button>
    </div>
  );
}
