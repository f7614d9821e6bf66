import { Module } from '@nestjs/common';
import { CycleViews } from './cycles/cycle-views.service';
import { CyclesController } from './cycles/cycles.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { IndicatorsController } from './indicators/indicators.controller';
import { RegionsController } from './regions/regions.controller';
import { RegencySettingsController } from './settings/regency-settings.controller';
import { RegencyTasksController } from './tasks/regency-tasks.controller';
import { SubstitutesController } from './tasks/substitutes.controller';
import { TaskCommands } from './tasks/task-commands.service';
import { TaskOperations } from './tasks/task-operations.service';
import { TaskScheduler } from './tasks/task-scheduler.service';
import { TasksController } from './tasks/tasks.controller';
import { UnitsController } from './units/units.controller';
import { UsersController } from './users/users.controller';

/** The regency-scoped resources of /api/v1. */
@Module({
  controllers: [
    RegionsController,
    UnitsController,
    UsersController,
    RegencySettingsController,
    CyclesController,
    TasksController,
    RegencyTasksController,
    SubstitutesController,
    EvidenceController,
    IndicatorsController,
    DashboardController,
  ],
  providers: [CycleViews, TaskCommands, TaskScheduler, TaskOperations],
})
export class ResourcesModule {}
