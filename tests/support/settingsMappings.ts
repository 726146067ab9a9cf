import type { FrameLocator, Page } from 'playwright-core';
import { endpoints } from '../../src/api/endpoints';
import type { SavedMapping } from '../../src/api/mappings';
import { pickOption, screenshot } from './e2e';
import { olivia } from './factories/people';
import type { World } from './world';

/** Steps of the settings' Map objects screens, as an owner takes them (Chromium tests). */

/** Settings → the Demo Shop tile → Map objects, once its list has loaded. */
export async function openMappings(settings: FrameLocator): Promise<void> {
  const tile = settings.locator('[data-testid="account-tile"][aria-label="Demo Shop"]');
  await tile.getByTestId('account-map-objects-button').click({ timeout: 20_000 });
  await settings.locator('[data-testid="mapping-list"][data-state="ready"]').waitFor();
}

/** Map objects → Add new object → the object with this label. */
export async function startMapping(settings: FrameLocator, label: string): Promise<void> {
  await openMappings(settings);
  await settings.getByTestId('add-object').click();
  await pickOption(settings, 'object-picker', label, label);
  await settings.getByTestId('field-rows').waitFor();
}

/** Map objects → Edit on the object's card. */
export async function editMapping(settings: FrameLocator, objectName: string): Promise<void> {
  await openMappings(settings);
  await settings
    .locator(`[data-testid="mapping-card"][data-object="${objectName}"]`)
    .getByTestId('mapping-edit')
    .click();
  await settings.getByTestId('field-rows').waitFor();
}

/** Adds an optional field by its label through the searchable "Add optional fields" picker. */
export async function addOptionalField(
  settings: FrameLocator,
  label: string,
  apiName: string,
): Promise<void> {
  await pickOption(settings, 'add-optional-field', label, label);
  await settings.getByTestId(`field-row-${apiName}`).waitFor();
}

/** Switches a field row's entry type by the button's label ("Dynamic", "This chat’s record"). */
export const chooseEntryType = (settings: FrameLocator, field: string, label: string) =>
  settings.getByTestId(`entry-type-${field}`).getByRole('button', { name: label, exact: true }).click();

/** A screenshot with `testId` centred (clear of the sticky Save bar) and painted. */
export async function shootAt(page: Page, settings: FrameLocator, testId: string, name: string) {
  await settings.getByTestId(testId).evaluate(
    (el) =>
      new Promise((done) => {
        el.scrollIntoView({ block: 'center', behavior: 'instant' });
        requestAnimationFrame(() => requestAnimationFrame(done));
      }),
  );
  await screenshot(page, name);
}

/** The owner's view of the Demo Shop account's mappings, through the API (to set up and check). */
export async function demoShopMappings(world: World) {
  const token = world.tokenFor(olivia.email);
  const { accounts } = await world.call(token, endpoints.listAccounts);
  const accountId = accounts.find((a) => a.label === 'Demo Shop')!.id;
  const list = async (): Promise<SavedMapping[]> =>
    (await world.call(token, endpoints.listMappings, { params: { id: accountId } })).mappings;
  return {
    token,
    accountId,
    list,
    /** The account's mapping of the object (its record mapping, or the conversation log). */
    find: async (objectName: string, kind: 'record' | 'conversation' = 'record') =>
      (await list()).find((m) => m.objectName === objectName && (m.kind ?? 'record') === kind),
  };
}
