/* hello: the smallest static glibc program: stdio and exit status 0. */
#include <stdio.h>
int main(void)
{
    printf("hello from a static program\n");
    puts("SUCCESS");
    return 0;
}
