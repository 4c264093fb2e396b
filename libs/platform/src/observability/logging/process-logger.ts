import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { serviceOfProcess } from '../tracing/attributes';
import { currentLogContext } from './log-context';
import { REDACTED_PATHS } from './redaction';

export interface LoggingSettings {
  /** LOG_LEVEL; `info` unless set */
  level?: Level | 'silent';
  /** LOG_FORMAT; `pretty` needs pino-pretty (a devDependency) and falls back to JSON without it */
  format?: 'json' | 'pretty';
  /** where the lines go instead of stdout (tests capture them) */
  destination?: DestinationStream;
}

const processService = serviceOfProcess();
let root: Logger | undefined;
let configured = false;

/** The one logger of this process; every Nest logger, request logger and Temporal's are children of it. */
export function processLogger(): Logger {
  return (root ??= createLogger(settingsFromEnvironment()));
}

/** Replaces the process logger; lines logged through children made before keep their old destination. */
export function configureLogging(settings: LoggingSettings): Logger {
  configured = true;
  root = createLogger({ ...settingsFromEnvironment(), ...settings });
  return root;
}

/** For a host (the test stack) that wants quiet logs unless someone configured them already. */
export function configureLoggingUnlessConfigured(settings: LoggingSettings): Logger {
  return configured && root ? root : configureLogging(settings);
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): LoggingSettings {
  const format = env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') throw new Error(`Invalid environment:\n  LOG_FORMAT: must be json or pretty, not ${format}`);
  const level = env.LOG_LEVEL ?? 'info';
  if (level !== 'silent' && !(level in pino.levels.values)) {
    throw new Error(`Invalid environment:\n  LOG_LEVEL: must be one of ${Object.keys(pino.levels.values).join(', ')}, silent`);
  }
  return { level: level as Level, format };
}

function createLogger(settings: LoggingSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // What the call passes wins over what the context binds, so each key appears once.
    mixin: contextFields,
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.format === 'pretty' && prettyAvailable()) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(options);
}

/** The ids bound for this request or activity, and the active span's trace. */
function contextFields(): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...(processService ? { service: processService } : {}), ...currentLogContext() };
  const span = trace.getSpan(context.active())?.spanContext();
  if (span && isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
