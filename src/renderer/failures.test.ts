import i18next from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../shared/errors';
import { inBackground, useFailures } from './failures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  useFailures.setState({ failures: [] });
});

describe('work nobody awaits', () => {
  it("ends a coded failure in a notice with main's message, and a fault of the window's own in INTERNAL_ERROR", async () => {
    await i18next.init({ lng: 'vi', resources: {} });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    inBackground(
      Promise.reject(AppError.fromData({ code: 'DOCUMENT_NOT_FOUND', message: 'Không tìm thấy tài liệu.' })),
    );
    inBackground(Promise.reject(new TypeError("Cannot read properties of undefined (reading 'pages')")));
    await settle();
    expect(useFailures.getState().failures.map((failure) => failure.error)).toEqual([
      { code: 'DOCUMENT_NOT_FOUND', message: 'Không tìm thấy tài liệu.' },
      { code: 'INTERNAL_ERROR', message: new AppError('INTERNAL_ERROR').toData('vi').message },
    ]);
    // The raw fault goes to the log, not to the lawyer.
    expect(error).toHaveBeenCalledWith('[renderer]', expect.any(TypeError));
    error.mockRestore();
  });

  it('says nothing of an expected failure or of work that succeeded', async () => {
    inBackground(Promise.resolve(1));
    inBackground(Promise.reject(new Error('render cancelled')), () => true);
    await settle();
    expect(useFailures.getState().failures).toEqual([]);
  });

  it('shows one notice a code, the last three codes, until dismissed', async () => {
    for (const code of ['TIMEOUT', 'TIMEOUT', 'NETWORK_UNAVAILABLE', 'FILE_NOT_FOUND', 'DOCUMENT_NOT_FOUND'] as const) {
      inBackground(Promise.reject(AppError.fromData({ code, message: code })));
    }
    await settle();
    const shown = useFailures.getState().failures;
    expect(shown.map((failure) => failure.error.code)).toEqual([
      'NETWORK_UNAVAILABLE',
      'FILE_NOT_FOUND',
      'DOCUMENT_NOT_FOUND',
    ]);
    useFailures.getState().dismiss(shown[1]?.id ?? -1);
    expect(useFailures.getState().failures.map((failure) => failure.error.code)).toEqual([
      'NETWORK_UNAVAILABLE',
      'DOCUMENT_NOT_FOUND',
    ]);
  });
});
