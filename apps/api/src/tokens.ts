/** Typed injection tokens of the API's container. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const MAIL_CATCHER = Symbol('MAIL_CATCHER');
export const LOGIN_RATE_LIMITER = Symbol('LOGIN_RATE_LIMITER');
