import { partyFunction } from '../../server/party';

export const main = partyFunction;
