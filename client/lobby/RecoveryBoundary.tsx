import { Component, type ReactNode } from 'react';
import { createLogger } from '../log';

const log = createLogger('lobby');

/** Wait before reloading a page that failed to render, ms. */
const RELOAD_AFTER_MS = 15_000;

interface Props {
  readonly message: string;
  readonly children: ReactNode;
}

/**
 * Keeps an unattended screen presentable: a render failure shows a calm line instead of an
 * error page or a stack, and the page reloads itself a little later.
 */
export class RecoveryBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    log.error('render failed; reloading soon', { message: String(error) });
    setTimeout(() => location.reload(), RELOAD_AFTER_MS);
  }

  override render(): ReactNode {
    if (this.state.failed) return <div className="lobby-recovering">{this.props.message}</div>;
    return this.props.children;
  }
}
