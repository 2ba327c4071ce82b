// The first import of main: tracing starts before Nest and the modules it instruments (http, express, pg, kafkajs).
import { startTracing } from '@enlace/observability/tracing';

startTracing('enlace-monitor');
