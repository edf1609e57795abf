import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { ZPatchStationSettings, type TStationSettingsView } from './station-settings.schema';
import { getStationSettings } from './get-station-settings';
import { updateStationSettings } from './update-station-settings';

/**
 * `PATCH /api/admin/stations/SLUG`: the settings given, over the station's current ones, saved
 * like a full update (same checks, same version rule: a change in between answers 409).
 */
export async function patchStationSettings(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TStationSettingsView> {
  assertCan(options.scope, 'stations.settings');
  const patch = parseInput(ZPatchStationSettings, options.input);
  const current = await getStationSettings({ scope: options.scope, slug: options.slug });
  return updateStationSettings({ ...options, input: { ...current.settings, ...patch } });
}
