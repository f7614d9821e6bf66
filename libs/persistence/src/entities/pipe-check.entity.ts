import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One run of the walking skeleton (GET /api/v1/pipe-checks/{id} reads it back). */
@Check('ck_pipe_check_status', `"status" IN ('started', 'recorded', 'completed')`)
@Entity({ name: 'pipe_check' })
export class PipeCheckRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  status!: 'started' | 'recorded' | 'completed';

  @Column({ name: 'mail_message_id', type: 'text', nullable: true })
  mailMessageId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
