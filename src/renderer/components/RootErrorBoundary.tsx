import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type WithTranslation, withTranslation } from 'react-i18next';

interface State {
  message: string | null;
}

/**
 * The one error boundary, at the root: a rendering error anywhere (a value
 * the view did not expect) shows a coded notice and a way back, never a
 * white window. The stores keep their data; reloading the window draws again.
 */
class Boundary extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] a view failed to draw', error, info.componentStack);
  }

  override render(): ReactNode {
    const { t, children } = this.props;
    if (this.state.message === null) return children;
    return (
      <main className="fatal" role="alert">
        <h1>{t('boundary.title')}</h1>
        <p>
          {t('boundary.body')} <code>RENDER_FAILED</code>
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('boundary.reload')}
        </button>
      </main>
    );
  }
}

export const RootErrorBoundary = withTranslation()(Boundary);
