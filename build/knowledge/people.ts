import type { Pack } from '../../lib/factstore/schema';
import type { BuildContext } from './context';

export async function buildPeople(_ctx: BuildContext): Promise<Pack[]> {
  return [];
}
