import type { History } from '@temporalio/common/lib/proto-utils';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';
import { dirname } from 'node:path';

/**
 * A workflow history as the JSON that `temporal workflow show --output json` writes (and that
 * historyFromJSON and Worker.runReplayHistory read). historyToJSON of @temporalio/common would
 * do this, but throws "type must be a Type" in this install: npm gave @temporalio/common and
 * @temporalio/proto each their own protobufjs 8, and common's protojson refuses types built by
 * proto's copy. protojson loaded from the copy that built the types accepts them.
 * (test/replay/history-json.ts works around the same thing for the saved histories.)
 */
const protojson: { toJson(type: unknown, message: unknown): unknown } = require(
  require.resolve('protobufjs/ext/protojson', { paths: [dirname(require.resolve('@temporalio/proto/package.json'))] }),
);
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJSON(history: History): string {
  return JSON.stringify(protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history)), null, 2);
}
