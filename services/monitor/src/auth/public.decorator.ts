import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'enlace:isPublic';

/** Marks a route that needs no bearer token (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
