/** Injection token of the validated `UserServiceConfig`. */
export const USER_SERVICE_CONFIG = Symbol('USER_SERVICE_CONFIG');
