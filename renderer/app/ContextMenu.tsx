/**
 * The context menu opened through `openContextMenu` (renderer/store/contextMenu.ts), mounted once
 * in App. It opens at the pointer, kept inside the window; arrows, Home and End move between items,
 * Enter runs one; Esc, a click elsewhere, a scroll, a resize or leaving the window close it, and
 * focus goes back to where it was.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { closeContextMenu, SEPARATOR, useContextMenu, type ContextMenuRequest } from '../store/contextMenu';

/** Gap kept between the menu and the window's edges, px. */
const MARGIN = 4;

const enabledItems = (menu: HTMLElement) =>
  [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].filter((b) => !b.disabled);

function OpenMenu({ menu }: { menu: ContextMenuRequest }) {
  const ref = useRef<HTMLDivElement>(null);

  // Placed and focused before the browser paints, so it never flashes outside the window (and again
  // for a menu opened over this one); the cleanup gives focus back before any element the chosen
  // item mounts takes it (a rename field).
  useLayoutEffect(() => {
    const el = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const { width, height } = el.getBoundingClientRect();
    el.style.left = `${Math.max(MARGIN, Math.min(menu.x, window.innerWidth - width - MARGIN))}px`;
    el.style.top = `${Math.max(MARGIN, Math.min(menu.y, window.innerHeight - height - MARGIN))}px`;
    enabledItems(el)[0]?.focus();
    return () => {
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body || el.contains(active))) opener.focus();
    };
  }, [menu]);

  useEffect(() => {
    const outside = (e: Event) => !(e.target instanceof Node && ref.current?.contains(e.target));
    const onPointerDown = (e: PointerEvent) => {
      if (outside(e)) closeContextMenu();
    };
    const onScroll = (e: Event) => {
      if (outside(e)) closeContextMenu();
    };
    // Captured on the window, so Esc closes the menu and does not also clear the selection.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      closeContextMenu();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('resize', closeContextMenu);
    window.addEventListener('blur', closeContextMenu);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('resize', closeContextMenu);
      window.removeEventListener('blur', closeContextMenu);
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = enabledItems(e.currentTarget as HTMLElement);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      e.key === 'ArrowDown'
        ? (at + 1) % items.length
        : e.key === 'ArrowUp'
          ? (at - 1 + items.length) % items.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (e.key === 'Tab') closeContextMenu();
    // Keys stay in the menu: arrows would otherwise nudge the selection in the editor.
    e.stopPropagation();
    if (next === null) return;
    e.preventDefault();
    items[next]?.focus();
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.label ?? 'Context menu'}
      data-testid="context-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.items.map((item, i) =>
        item === SEPARATOR ? (
          <div key={i} role="separator" />
        ) : (
          <button
            key={i}
            role="menuitem"
            disabled={item.disabled}
            onClick={() => {
              closeContextMenu();
              item.run();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
          </button>
        ),
      )}
    </div>
  );
}

export function ContextMenu() {
  const menu = useContextMenu((s) => s.menu);
  return menu ? <OpenMenu menu={menu} /> : null;
}
