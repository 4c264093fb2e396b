import { installTemporalRuntime } from '@tradelane/platform';

installTemporalRuntime();
