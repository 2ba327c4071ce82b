export * from './courier.module';
export * from './config/courier.config';
