import { createContext } from '@lit/context';

import type { Shell } from '../shared/shell-contract.ts';
import type { AwayService } from './services/away/away-service.ts';
import type { DataClient } from './services/data-client.ts';
import type { DatabaseService } from './services/database.ts';
import type { DiagnosticsService } from './services/diagnostics.ts';
import type { SettingsService } from './services/settings.ts';
import type { UndoService } from './services/undo.ts';
import type { TimerModel } from './state/timer-model.ts';
import type { DayModel } from './views/day/day-model.ts';

export const shellContext = createContext<Shell>(Symbol('lighttrack-shell'));
export const dataClientContext = createContext<DataClient>(Symbol('lighttrack-data-client'));
export const timerModelContext = createContext<TimerModel>(Symbol('lighttrack-timer-model'));
export const databaseContext = createContext<DatabaseService>(Symbol('lighttrack-database'));
export const diagnosticsContext = createContext<DiagnosticsService>(Symbol('lighttrack-diagnostics'));
export const undoContext = createContext<UndoService>(Symbol('lighttrack-undo'));
export const dayModelContext = createContext<DayModel>(Symbol('lighttrack-day-model'));
export const settingsContext = createContext<SettingsService>(Symbol('lighttrack-settings'));
export const awayContext = createContext<AwayService>(Symbol('lighttrack-away'));
