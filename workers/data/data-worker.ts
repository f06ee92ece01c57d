import * as Comlink from 'comlink';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import { DataService } from './data-service.ts';

installErrorTransfer();
Comlink.expose(new DataService());
