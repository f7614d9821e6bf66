/** Typed injection tokens of the worker's container. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
export const LOGGER = Symbol('LOGGER');
