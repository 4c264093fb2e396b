import { configureLogging, installTemporalRuntime } from '@tradelane/platform';

// Tests log at warn unless LOG_LEVEL says otherwise or a test configures logging itself.
configureLogging({ level: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn' });
installTemporalRuntime();
