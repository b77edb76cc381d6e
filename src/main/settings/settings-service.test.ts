import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTempServices } from '../testing/temp-services';

const opened: ReturnType<typeof createTempServices>[] = [];
const open = (...args: Parameters<typeof createTempServices>) => {
  const services = createTempServices(...args);
  opened.push(services);
  return services;
};
afterEach(() => {
  for (const services of opened.splice(0)) services.dispose();
});

describe('settings', () => {
  it.each([
    ['vi-VN', 'vi'],
    ['vi', 'vi'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
  ] as const)('starts in the language of the OS locale %s', (locale, language) => {
    expect(open({ locale }).settings.get()).toEqual({
      language,
      theme: 'system',
      acceptWeakKeyStorage: false,
      vndRate: null,
    });
  });

  it('keeps a change across a restart on the same data dir, whatever the OS locale then', () => {
    const first = open({ locale: 'vi-VN' });
    first.settings.set({ key: 'language', value: 'en' });
    first.settings.set({ key: 'theme', value: 'dark' });
    first.close();

    const second = createTempServices({ dataDir: first.dataDir, locale: 'vi-VN' });
    expect(second.settings.get()).toMatchObject({ language: 'en', theme: 'dark' });
    second.close();
  });

  it('tells listeners the new settings after each change', () => {
    const onChange = vi.fn();
    const services = open({ emit: onChange });
    services.settings.set({ key: 'theme', value: 'light' });
    expect(onChange).toHaveBeenCalledWith('settings:changed', {
      settings: { language: 'vi', theme: 'light', acceptWeakKeyStorage: false, vndRate: null },
    });
  });

  it('falls back to the default for a stored value this release no longer accepts', () => {
    const services = open();
    services.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run('theme', '"sepia"', Date.now());
    services.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run('retiredSetting', '1', Date.now());
    expect(services.settings.get()).toEqual({
      language: 'vi',
      theme: 'system',
      acceptWeakKeyStorage: false,
      vndRate: null,
    });
  });
});

describe('the rate for costs in đồng', () => {
  it('is kept with the day the lawyer took it, and cleared to show no đồng', () => {
    const services = open({ locale: 'vi-VN' });
    expect(
      services.settings.set({ key: 'vndRate', value: { perUsd: 26_100, checkedOn: '2026-12-01' } }).vndRate,
    ).toEqual({
      perUsd: 26_100,
      checkedOn: '2026-12-01',
    });
    expect(services.settings.get().vndRate).toEqual({ perUsd: 26_100, checkedOn: '2026-12-01' });
    expect(services.settings.set({ key: 'vndRate', value: null }).vndRate).toBeNull();
  });
});
