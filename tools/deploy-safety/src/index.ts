export * from './lib/breaking-changes/check-breaking-changes';
export * from './lib/breaking-changes/find-breaking-changes';
