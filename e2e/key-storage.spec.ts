import { expect, test } from './fixtures';
import { startHost } from './host/app-host';
import { AppPage } from './pages/app-page';

// Linux without a keyring: Electron's safeStorage reports `basic_text` and only obfuscates.
test('without a keychain, keys are not saved until the lawyer accepts weaker storage', async ({ page }, testInfo) => {
  const host = startHost({ locale: 'vi-VN', storageBackend: 'basic_text' });
  try {
    await host.open(page);
    const app = new AppPage(page);
    await app.settingsButton().click();

    await expect(app.settingsDialog().getByText('Máy này không có trình quản lý khóa')).toBeVisible();
    const consent = app.settingsDialog().getByRole('checkbox', { name: /mức bảo vệ thấp hơn/ });
    await expect(consent).not.toBeChecked();
    expect(host.services.secrets.status()).toMatchObject({ canPersist: false });
    expect(() => host.services.secrets.set('provider:test', 'sk-test')).toThrow(/not truly encrypted/);
    await app.screenshot(testInfo, '08-key-storage-basic-text-vi');

    await consent.check();
    await expect(consent).toBeChecked();
    expect(host.services.secrets.status()).toEqual({ backend: 'basic-text', canPersist: true, weak: true });
    host.services.secrets.set('provider:test', 'sk-test');
    expect(host.services.secrets.get('provider:test')).toBe('sk-test');
  } finally {
    await host.close();
  }
});
