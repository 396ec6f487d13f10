export {
  CREATED_AT_PLACEHOLDER,
  type GenerateOptions,
  generateMockModels,
  seededRandom,
} from '@/test/mock-hub/fixture.ts';
export { LINEAGE_CSV, loadLineageCsv } from '@/test/mock-hub/lineage-csv.ts';
export {
  type MockHub,
  type MockHubOptions,
  type MockHubState,
  startMockHub,
} from '@/test/mock-hub/server.ts';
export type { MockFault, MockModel, MockRequest } from '@/test/mock-hub/types.ts';
