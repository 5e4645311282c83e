/* true_static: the program whose start-up tests/bench/micro_vmm measures. */
int main(void)
{
    return 0;
}
