export { MappingsScreen, type MappingsScreenProps } from './MappingsScreen';
