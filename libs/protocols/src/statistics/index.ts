export * from './statistics-case';
export * from './statistics.categories';
export * from './small-cell.suppression';
export * from './statistics-report';
