import type { Pack } from '../../lib/factstore/schema';
import type { BuildContext } from './context';

export async function buildBodies(_ctx: BuildContext): Promise<Pack[]> {
  return [];
}
